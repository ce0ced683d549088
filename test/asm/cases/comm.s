# .comm (common symbols, left to the linker) and .lcomm (allocated in .bss, aligned by size).
.comm buf, 64, 16
.lcomm lbuf, 32
.comm x, 4
.long buf, lbuf
