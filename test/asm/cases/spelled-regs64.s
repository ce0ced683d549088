# Implicit registers written out in 64-bit code: umwait/tpause, monitor and mwait with 64-bit registers.
	umwait %edi,%edx,%eax
	tpause %r9d,%edx,%eax
	monitor %rax,%rcx,%rdx
	mwait %rax,%rcx
	monitor %eax,%rcx,%rdx
	monitor %rax,%ecx,%edx
