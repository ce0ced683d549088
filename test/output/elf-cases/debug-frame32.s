# .cfi_sections .debug_frame, i386.
.cfi_sections .debug_frame
.text
f: .cfi_startproc
push %ebp
.cfi_def_cfa_offset 8
.cfi_offset %ebp, -8
pop %ebp
.cfi_def_cfa_offset 8
ret
.cfi_endproc
g: .cfi_startproc
ret
.cfi_endproc
