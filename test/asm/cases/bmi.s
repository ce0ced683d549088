# BMI1, BMI2 and ADX in 32- and 64-bit code: every mnemonic, register and memory operands, suffixes,
# 16-bit addresses (67h), relocated displacements and immediates, and .code16 (no 66h for VEX or ADX).
.text
start:
andn %eax,%ebx,%ecx
andn (%eax),%ebx,%ecx
andnl 0x10(%esp),%edi,%esi
andn foo,%ebx,%ecx
bextr %eax,%ebx,%ecx
bextr %edx,-8(%ebp,%esi,4),%edi
bextrl %eax,foo+4,%ecx
blsi %eax,%ebx
blsi (%ecx),%edx
blsmsk %esi,%edi
blsmskl 4(%eax),%ebp
blsr %ebp,%esp
blsr bar,%eax
bzhi %eax,%ebx,%ecx
bzhi %ecx,0x1234(%ebx),%edx
mulx %eax,%ebx,%ecx
mulx (%edi),%edx,%edx
pdep %eax,%ebx,%ecx
pdep 8(%esp),%ecx,%eax
pext %esi,%edi,%ebp
pextl foo,%eax,%eax
rorx $3,%eax,%ebx
rorx $0xff,(%eax),%ebx
rorxl $31,start,%ecx
sarx %eax,%ebx,%ecx
sarx %ecx,(%ebx),%edx
shlx %eax,%ebx,%ecx
shlxl %edi,4(%esi),%esi
shrx %eax,%ebx,%ecx
shrx %ebp,-4(%ebp),%eax
adcx %eax,%ebx
adcx (%eax),%ecx
adcxl foo,%edx
adox %esi,%edi
adox 8(%esp,%eax,2),%ebp
adoxl (%edx),%eax
fs blsi (%eax),%ebx
gs adcx (%eax),%ebx
.code16
andn %eax,%ebx,%ecx
andn (%bx,%si),%eax,%ecx
rorx $1,(%si),%eax
blsi %eax,%ebx
adcx %eax,%ebx
adox (%bx),%eax
.code32
mulx foo,%eax,%edx
