.section .foo,"ax"
nop
.section .baz,"aoG",@progbits,.foo,grp
.byte 1
.section .b2,"ao",@progbits,fsym
.byte 2
.text
fsym: nop
.section .b3,"aMo",@progbits,4,.foo
.long 3
