# modes: 32
# Implicit registers written out: umwait/tpause with EDX:EAX, monitor with a 16-bit address.
	umwait %ebx,%edx,%eax
	tpause %ebx,%edx,%eax
	umwait %ebx
	monitor %ax,%ecx,%edx
	mwait %eax,%ecx
	monitor %ax,%ecx,%edx
	.code16
	monitor %ax,%ecx,%edx
	monitor %eax,%ecx,%edx
