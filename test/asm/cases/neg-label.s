# Negated labels: `$-late' (defined later or earlier) becomes a pc-relative *ABS* relocation, as in GNU as.
movl $-late, %eax
movl $-late+4, %eax
push $-late
.long -late
late: nop
movl $-late, %eax
.long -late
