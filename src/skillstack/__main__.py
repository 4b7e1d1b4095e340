from skillstack.cli import main

main()
