# "value of X too large for field of N bytes": negative values print as unsigned hex of the address width.
1: .fill 300,1,0x90
loop 1b
1: .byte 2f-1b
.fill 301,1,0
2:
3: .fill 200,1,0x90
jecxz 3b
4: .fill 40,1,0x90
loop 4b
.byte 300
.byte -300
