# Relocation specifiers on data fields they do not fit.
.quad foo@PLT
.word foo@GOTOFF
.byte foo@tpoff
