	ret
	ret
