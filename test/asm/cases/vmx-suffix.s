# modes: 32
# vmread/vmwrite take the l suffix of their 32-bit operands.
	vmread %eax,%ebx
	vmreadl %eax,%ebx
	vmreadl %eax,(%ebx)
	vmwritel (%eax),%ebx
	vmwrite (%eax),%ebx
