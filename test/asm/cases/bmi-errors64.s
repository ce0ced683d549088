# BMI1/BMI2/ADX operands and prefixes GNU as rejects, with its messages.
andn %ax,%bx,%cx
andn %eax,%rbx,%ecx
andn $1,%ebx,%ecx
andn %eax,%ebx
andnw (%rax),%bx,%cx
andnb %al,%bl,%cl
blsi %eax
blsi %eax,%rbx
bzhi %al,%ebx,%ecx
rorx $256,%eax,%ebx
rorx %ecx,%eax,%ebx
rorx $1,%ax,%bx
mulx %eax,%ebx,%rcx
adcx %ax,%bx
adcxw %ax,%bx
adcx $1,%eax
adox %al,%bl
lock andn (%rax),%ebx,%ecx
rep andn %eax,%ebx,%ecx
lock adcx (%rax),%ebx
data16 andn %eax,%ebx,%ecx
rex.w andn %eax,%ebx,%ecx
andnq %eax,%ebx,%ecx
andnl %rax,%rbx,%rcx
