NAME        
ROWS
 N  Obj     
 L  r0      
 L  r1      
 L  r2      
 L  r3      
 L  r4      
 L  r5      
 L  r6      
 L  r7      
 L  r8      
 L  r9      
 L  r10     
 L  r11     
 L  r12     
 L  r13     
 L  r14     
 L  r15     
 L  r16     
 L  r17     
 L  r18     
 L  r19     
 L  r20     
 L  r21     
 L  r22     
 L  r_ekk23 
 L  r_ekk24 
 L  r_ekk25 
COLUMNS
    MARK0000  'MARKER'                 'INTORG'
    c0        Obj       1
    c0        r10       -1
    c0        r12       1
    c0        r22       259
    c0        r_ekk23   259
    c0        r_ekk24   367
    c0        r_ekk25   1
    c1        Obj       2
    c1        r6        -1
    c1        r22       21
    c1        r_ekk23   21
    c1        r_ekk24   570
    c1        r_ekk25   1
    c2        Obj       3
    c2        r1        -1
    c2        r19       23
    c2        r22       23
    c2        r_ekk23   23
    c2        r_ekk25   1
    c3        Obj       4
    c3        r0        -1
    c3        r2        -1
    c3        r22       36
    c3        r_ekk23   36
    c3        r_ekk24   243
    c3        r_ekk25   1
    c4        Obj       5
    c4        r0        1
    c4        r22       95
    c4        r_ekk23   95
    c4        r_ekk24   616
    c4        r_ekk25   1
    c5        Obj       6
    c5        r3        -1
    c5        r13       1
    c5        r22       15
    c5        r_ekk23   15
    c5        r_ekk24   22
    c5        r_ekk25   1
    c6        Obj       7
    c6        r1        1
    c6        r2        1
    c6        r11       -1
    c6        r22       6
    c6        r_ekk23   6
    c6        r_ekk24   152
    c6        r_ekk25   1
    c7        Obj       9
    c7        r5        -1
    c7        r14       -1
    c7        r22       91
    c7        r_ekk23   91
    c7        r_ekk24   292
    c7        r_ekk25   1
    c8        Obj       10
    c8        r6        -1
    c8        r22       84
    c8        r_ekk23   84
    c8        r_ekk24   34
    c8        r_ekk25   1
    c9        Obj       11
    c9        r1        -1
    c9        r3        1
    c9        r21       -1
    c9        r22       43
    c9        r_ekk23   43
    c9        r_ekk24   365
    c9        r_ekk25   1
    c10       Obj       12
    c10       r4        -1
    c10       r22       108
    c10       r_ekk23   108
    c10       r_ekk24   105
    c10       r_ekk25   1
    c11       Obj       15
    c11       r5        -1
    c11       r22       68
    c11       r_ekk23   68
    c11       r_ekk24   371
    c11       r_ekk25   1
    c12       Obj       16
    c12       r5        -1
    c12       r21       -1
    c12       r22       117
    c12       r_ekk23   117
    c12       r_ekk24   385
    c12       r_ekk25   1
    c13       Obj       17
    c13       r8        -1
    c13       r22       32
    c13       r_ekk23   32
    c13       r_ekk24   90
    c13       r_ekk25   1
    c14       Obj       18
    c14       r0        -1
    c14       r4        1
    c14       r19       38
    c14       r22       38
    c14       r_ekk23   38
    c14       r_ekk25   1
    c15       Obj       19
    c15       r9        -1
    c15       r22       13
    c15       r_ekk23   13
    c15       r_ekk24   60
    c15       r_ekk25   1
    c16       Obj       20
    c16       r5        -1
    c16       r15       1
    c16       r22       47
    c16       r_ekk23   47
    c16       r_ekk24   22
    c16       r_ekk25   1
    c17       Obj       21
    c17       r0        -1
    c17       r22       7
    c17       r_ekk23   7
    c17       r_ekk24   776
    c17       r_ekk25   1
    c18       Obj       22
    c18       r8        -1
    c18       r22       31
    c18       r_ekk23   31
    c18       r_ekk24   495
    c18       r_ekk25   1
    c19       Obj       23
    c19       r5        -1
    c19       r7        -1
    c19       r16       1
    c19       r22       27
    c19       r_ekk23   27
    c19       r_ekk24   94
    c19       r_ekk25   1
    c20       Obj       24
    c20       r5        -1
    c20       r17       -1
    c20       r22       8
    c20       r_ekk23   8
    c20       r_ekk24   749
    c20       r_ekk25   1
    c21       Obj       25
    c21       r1        -1
    c21       r22       16
    c21       r_ekk23   16
    c21       r_ekk24   25
    c21       r_ekk25   1
    c22       Obj       26
    c22       r5        1
    c22       r7        -1
    c22       r9        -1
    c22       r18       1
    c22       r22       10
    c22       r_ekk23   10
    c22       r_ekk24   105
    c22       r_ekk25   1
    c23       Obj       27
    c23       r11       -1
    c23       r20       -1
    c23       r22       39
    c23       r_ekk23   39
    c23       r_ekk24   801
    c23       r_ekk25   1
    MARK0001  'MARKER'                 'INTEND'
    c24       r6        1
    c25       r7        1
    c26       r8        1
    c27       r9        1
    c28       r10       1
    c29       r11       1
    c30       Obj       344
    c30       r12       -1
    c31       Obj       344
    c31       r13       -1
    c32       Obj       344
    c32       r15       -1
    c33       r14       1
    c33       r15       -1
    c34       Obj       344
    c34       r16       -1
    c35       Obj       344
    c35       r18       -1
    c36       r17       1
    c36       r18       -1
    MARK0002  'MARKER'                 'INTORG'
    c37       r19       -78
    c37       r_ekk24   40
    c38       r20       1
    c38       r21       1
    c38       r_ekk24   -400.5
    MARK0003  'MARKER'                 'INTEND'
RHS
    RHS_V     r22       1332.000001332
    RHS_V     r_ekk23   368.00036799999998
    RHS_V     r_ekk24   3087.0030870000001
    RHS_V     r_ekk25   6.000006
BOUNDS
 BV BOUND     c0      
 BV BOUND     c1      
 BV BOUND     c2      
 BV BOUND     c3      
 BV BOUND     c4      
 BV BOUND     c5      
 BV BOUND     c6      
 BV BOUND     c7      
 BV BOUND     c8      
 BV BOUND     c9      
 BV BOUND     c10     
 BV BOUND     c11     
 BV BOUND     c12     
 BV BOUND     c13     
 BV BOUND     c14     
 BV BOUND     c15     
 BV BOUND     c16     
 BV BOUND     c17     
 BV BOUND     c18     
 BV BOUND     c19     
 BV BOUND     c20     
 BV BOUND     c21     
 BV BOUND     c22     
 BV BOUND     c23     
 FX BOUND     c24       1
 FX BOUND     c25       1
 FX BOUND     c26       1
 FX BOUND     c27       1
 FX BOUND     c28       1
 FX BOUND     c29       1
 UP BOUND     c30       1
 UP BOUND     c31       1
 UP BOUND     c32       1
 UP BOUND     c33       1
 UP BOUND     c34       1
 UP BOUND     c35       1
 UP BOUND     c36       1
 UI BOUND     c37       2
 BV BOUND     c38     
ENDATA
