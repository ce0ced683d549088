# `.long sym@PLT` in data: a PLT32 relocation with the plain addend.
.long foo@PLT
.long foo@PLT+4
