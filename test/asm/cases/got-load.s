# modes: 32
# GOT loads take the ModRM form (8B 05, GOT32X; 66 8B and 8A are plain GOT32); stores and other specifiers keep A0-A3.
movl foo@GOT,%eax
movl foo@GOTOFF,%eax
movl %eax,foo@GOT
movb foo@GOTOFF,%al
movl foo@NTPOFF,%eax
movl foo@GOTNTPOFF,%eax
movl foo@INDNTPOFF,%eax
movl foo@TPOFF,%eax
movl foo@DTPOFF,%eax
movl foo@PLT,%eax
movb foo@GOT,%al
movw foo@GOT,%ax
movl foo@GOT+4,%eax
