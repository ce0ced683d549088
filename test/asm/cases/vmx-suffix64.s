# vmread/vmwrite take the q suffix of their 64-bit operands.
	vmreadq %rax,%rbx
	vmreadq %rax,(%rbx)
	vmwriteq (%rax),%rbx
	vmread %rax,(%rbx)
