# .cfi_sections .eh_frame, .debug_frame: both.
.cfi_sections .eh_frame, .debug_frame
.text
f: .cfi_startproc
push %rbp
.cfi_def_cfa_offset 16
.cfi_offset %rbp, -16
pop %rbp
.cfi_def_cfa_offset 8
ret
.cfi_endproc
g: .cfi_startproc
ret
.cfi_endproc
