# positional, keyword, defaults, blanks as separators
.macro two a, b
.byte \a, \b
.endm
two 1, 2
two b=1, a=2
two 3 4
two 5,6
two (1 + 2), 3
two 1 + 2, 3
.macro df a=5, b
.byte \a, \b
.endm
df , 9
df b=3
.macro va a, rest:vararg
.byte \a
.byte \rest
.endm
va 1, 2, 3, 4
va 7
# \@ counts macro expansions; \() separates
.macro lab n
lab\n\()x:
.byte \@
.endm
lab 1
lab 2
x: two 9,9
y: z: lab 3
# case-insensitive macro names
.macro MyMac v
.byte \v
.endm
mymac 0x11
MYMAC 0x12
# strings: quotes stripped in plain mode
.macro str s
.ascii "\s"
.endm
str "hello world"
str hi
# char constants become numbers
.macro ch c
.byte \c
.endm
ch 'a
ch 'A'
