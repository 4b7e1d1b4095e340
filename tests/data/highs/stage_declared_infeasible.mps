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
 L  r23     
 L  r24     
 L  r25     
 L  r26     
 L  r27     
 L  r28     
 L  r29     
 L  r30     
 L  r31     
 L  r32     
 L  r33     
 L  r34     
 L  r35     
 L  r36     
 L  r37     
 L  r38     
 L  r39     
 L  r40     
 L  r41     
 L  r42     
 L  r43     
 L  r44     
 L  r45     
 L  r46     
 L  r_ekk47 
 L  r_ekk48 
COLUMNS
    MARK0000  'MARKER'                 'INTORG'
    c0        Obj       272
    c0        r22       -1
    c0        r46       45
    c0        r_ekk48   45
    c1        Obj       66
    c1        r0        1
    c1        r22       -1
    c1        r46       98
    c1        r_ekk48   98
    c2        Obj       94
    c2        r0        -1
    c2        r46       7
    c2        r_ekk48   7
    c3        Obj       41
    c3        r16       -1
    c3        r46       180
    c3        r_ekk48   180
    c4        Obj       362
    c4        r7        -1
    c4        r46       11
    c4        r_ekk48   11
    c5        Obj       1849
    c5        r2        -1
    c5        r46       45
    c5        r_ekk48   45
    c6        Obj       390
    c6        r2        -1
    c6        r26       1
    c6        r27       -1
    c6        r46       83
    c6        r_ekk48   83
    c7        Obj       80
    c7        r14       -1
    c7        r46       190
    c7        r_ekk48   190
    c8        Obj       1457
    c8        r1        -1
    c8        r46       17
    c8        r_ekk48   17
    c9        Obj       510
    c9        r2        -1
    c9        r28       1
    c9        r46       23
    c9        r_ekk48   23
    c10       Obj       799
    c10       r1        1
    c10       r2        1
    c10       r14       -1
    c10       r46       76
    c10       r_ekk48   76
    c11       Obj       856
    c11       r14       -1
    c11       r46       27
    c11       r_ekk48   27
    c12       r14       -1
    c12       r39       133
    c12       r46       133
    c12       r_ekk48   133
    c13       Obj       154
    c13       r1        -1
    c13       r46       54
    c13       r_ekk48   54
    c14       Obj       121
    c14       r11       -1
    c14       r46       5
    c14       r_ekk48   5
    c15       r3        -1
    c15       r37       50
    c15       r46       50
    c15       r_ekk48   50
    c16       Obj       20
    c16       r4        -1
    c16       r5        -1
    c16       r46       57
    c16       r_ekk48   57
    c17       Obj       1417
    c17       r20       -1
    c17       r40       -1
    c17       r46       10
    c17       r_ekk48   10
    c18       r3        1
    c18       r23       -1
    c18       r37       28
    c18       r46       28
    c18       r_ekk48   28
    c19       Obj       116
    c19       r19       -1
    c19       r23       -1
    c19       r32       -1
    c19       r46       178
    c19       r_ekk48   178
    c20       Obj       19
    c20       r4        1
    c20       r6        -1
    c20       r46       40
    c20       r_ekk48   40
    c21       Obj       168
    c21       r25       -1
    c21       r46       264
    c21       r_ekk48   264
    c22       Obj       61
    c22       r12       -1
    c22       r41       -1
    c22       r46       26
    c22       r_ekk48   26
    c23       r21       -1
    c23       r39       16
    c23       r46       16
    c23       r_ekk48   16
    c24       r6        -1
    c24       r20       -1
    c24       r30       -1
    c24       r38       63
    c24       r46       63
    c24       r_ekk48   63
    c25       Obj       128
    c25       r9        -1
    c25       r20       -1
    c25       r46       53
    c25       r_ekk48   53
    c26       Obj       1264
    c26       r25       -1
    c26       r46       149
    c26       r_ekk48   149
    c27       Obj       354
    c27       r17       -1
    c27       r20       -1
    c27       r29       1
    c27       r42       -1
    c27       r46       73
    c27       r_ekk48   73
    c28       Obj       500
    c28       r8        -1
    c28       r20       -1
    c28       r25       -1
    c28       r46       66
    c28       r_ekk48   66
    c29       Obj       383
    c29       r24       -1
    c29       r46       73
    c29       r_ekk48   73
    c30       Obj       812
    c30       r23       -1
    c30       r46       43
    c30       r_ekk48   43
    c31       r7        -1
    c31       r38       30
    c31       r46       30
    c31       r_ekk48   30
    c32       r5        -1
    c32       r38       55
    c32       r46       55
    c32       r_ekk48   55
    c33       Obj       729
    c33       r5        -1
    c33       r20       -1
    c33       r31       1
    c33       r44       -1
    c33       r46       64
    c33       r_ekk48   64
    c34       Obj       32
    c34       r5        1
    c34       r6        -1
    c34       r46       91
    c34       r_ekk48   91
    c35       Obj       187
    c35       r22       -1
    c35       r46       93
    c35       r_ekk48   93
    c36       Obj       28
    c36       r20       -1
    c36       r46       41
    c36       r_ekk48   41
    c37       Obj       1849
    c37       r22       -1
    c37       r46       12
    c37       r_ekk48   12
    c38       Obj       256
    c38       r19       -1
    c38       r46       13
    c38       r_ekk48   13
    c39       Obj       1013
    c39       r24       -1
    c39       r46       42
    c39       r_ekk48   42
    c40       Obj       510
    c40       r15       -1
    c40       r46       191
    c40       r_ekk48   191
    c41       Obj       1433
    c41       r6        -2
    c41       r46       10
    c41       r_ekk48   10
    c42       r21       -1
    c42       r38       80
    c42       r46       80
    c42       r_ekk48   80
    c43       Obj       67
    c43       r6        -1
    c43       r46       72
    c43       r_ekk48   72
    c44       Obj       68
    c44       r18       -1
    c44       r46       64
    c44       r_ekk48   64
    c45       r22       -1
    c45       r37       97
    c45       r46       97
    c45       r_ekk48   97
    c46       Obj       519
    c46       r6        -1
    c46       r46       64
    c46       r_ekk48   64
    c47       Obj       778
    c47       r15       -1
    c47       r35       -1
    c47       r46       128
    c47       r_ekk48   128
    c48       r19       -1
    c48       r35       -1
    c48       r37       105
    c48       r46       105
    c48       r_ekk48   105
    c49       Obj       102
    c49       r3        -1
    c49       r46       23
    c49       r_ekk48   23
    c50       Obj       55
    c50       r7        -1
    c50       r46       22
    c50       r_ekk48   22
    c51       Obj       209
    c51       r22       -1
    c51       r46       82
    c51       r_ekk48   82
    c52       Obj       77
    c52       r6        1
    c52       r15       -1
    c52       r46       27
    c52       r_ekk48   27
    c53       Obj       48
    c53       r17       -1
    c53       r46       36
    c53       r_ekk48   36
    c54       Obj       62
    c54       r6        -1
    c54       r7        -1
    c54       r46       50
    c54       r_ekk48   50
    c55       Obj       232
    c55       r20       -1
    c55       r43       -1
    c55       r46       51
    c55       r_ekk48   51
    c56       Obj       9
    c56       r22       -1
    c56       r46       121
    c56       r_ekk48   121
    c57       r15       -1
    c57       r33       1
    c57       r38       39
    c57       r46       39
    c57       r_ekk48   39
    c58       Obj       967
    c58       r6        -1
    c58       r20       -1
    c58       r45       -1
    c58       r46       77
    c58       r_ekk48   77
    c59       r16       -1
    c59       r37       4
    c59       r46       4
    c59       r_ekk48   4
    c60       Obj       5
    c60       r7        1
    c60       r19       -1
    c60       r46       97
    c60       r_ekk48   97
    c61       r21       -1
    c61       r37       18
    c61       r46       18
    c61       r_ekk48   18
    c62       Obj       119
    c62       r22       -1
    c62       r34       1
    c62       r46       38
    c62       r_ekk48   38
    c63       Obj       480
    c63       r24       -1
    c63       r46       91
    c63       r_ekk48   91
    c64       Obj       51
    c64       r20       -1
    c64       r46       18
    c64       r_ekk48   18
    c65       r20       -1
    c65       r36       1
    c65       r39       39
    c65       r46       39
    c65       r_ekk48   39
    c66       r10       1
    c66       r20       -1
    c67       r13       1
    c67       r21       -1
    MARK0001  'MARKER'                 'INTEND'
    c68       r8        1
    c68       r9        1
    c68       r10       -1
    c69       r11       1
    c69       r12       1
    c69       r13       -1
    c70       r14       1
    c71       r15       1
    c72       r16       1
    c73       r17       1
    c74       r18       1
    c75       r19       1
    c76       r20       1
    c77       r21       1
    c78       r22       1
    c79       r23       1
    c80       r24       1
    c80       r_ekk47   -1
    c81       r25       1
    c82       r26       -1
    c83       r28       -1
    c84       r27       1
    c84       r28       -1
    c85       r29       -1
    c86       r31       -1
    c87       r30       1
    c87       r31       -1
    c88       r33       -1
    c89       r32       1
    c89       r33       -1
    c90       r34       -1
    c91       r36       -1
    c92       r35       1
    c92       r36       -1
    MARK0002  'MARKER'                 'INTORG'
    c93       Obj       49
    c93       r37       -60.666666666666664
    c94       Obj       40
    c94       r38       -60.666666666666664
    c95       Obj       249
    c95       r39       -60.666666666666664
    c96       Obj       -708.5
    c96       r40       1
    c96       r41       1
    c97       Obj       -177
    c97       r42       1
    c97       r43       1
    c98       Obj       -364.5
    c98       r44       1
    c98       r45       1
    MARK0003  'MARKER'                 'INTEND'
RHS
    RHS_V     r46       432.00000043199998
    RHS_V     r_ekk47   -0.99999899999999997
    RHS_V     r_ekk48   360.00036
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
 BV BOUND     c24     
 BV BOUND     c25     
 BV BOUND     c26     
 BV BOUND     c27     
 BV BOUND     c28     
 BV BOUND     c29     
 BV BOUND     c30     
 BV BOUND     c31     
 BV BOUND     c32     
 BV BOUND     c33     
 BV BOUND     c34     
 BV BOUND     c35     
 BV BOUND     c36     
 BV BOUND     c37     
 BV BOUND     c38     
 BV BOUND     c39     
 BV BOUND     c40     
 BV BOUND     c41     
 BV BOUND     c42     
 BV BOUND     c43     
 BV BOUND     c44     
 BV BOUND     c45     
 BV BOUND     c46     
 BV BOUND     c47     
 BV BOUND     c48     
 BV BOUND     c49     
 BV BOUND     c50     
 BV BOUND     c51     
 BV BOUND     c52     
 BV BOUND     c53     
 BV BOUND     c54     
 BV BOUND     c55     
 BV BOUND     c56     
 BV BOUND     c57     
 BV BOUND     c58     
 BV BOUND     c59     
 BV BOUND     c60     
 BV BOUND     c61     
 BV BOUND     c62     
 BV BOUND     c63     
 BV BOUND     c64     
 BV BOUND     c65     
 BV BOUND     c66     
 BV BOUND     c67     
 UP BOUND     c68       1
 UP BOUND     c69       1
 FX BOUND     c70       1
 FX BOUND     c71       1
 FX BOUND     c72       1
 FX BOUND     c73       1
 FX BOUND     c74       1
 FX BOUND     c75       1
 FX BOUND     c76       1
 FX BOUND     c77       1
 FX BOUND     c78       1
 FX BOUND     c79       1
 UP BOUND     c80       1
 FX BOUND     c81       1
 UP BOUND     c82       1
 UP BOUND     c83       1
 UP BOUND     c84       1
 UP BOUND     c85       1
 UP BOUND     c86       1
 UP BOUND     c87       1
 UP BOUND     c88       1
 UP BOUND     c89       1
 UP BOUND     c90       1
 UP BOUND     c91       1
 UP BOUND     c92       1
 UI BOUND     c93       6
 UI BOUND     c94       6
 UI BOUND     c95       5
 BV BOUND     c96     
 BV BOUND     c97     
 BV BOUND     c98     
ENDATA
