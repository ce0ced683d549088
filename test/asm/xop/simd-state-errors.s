# Spellings GNU as refuses.
	.text
	aesencwide128klq	(%eax)
	encodekey128	%ax, %bx
	vstmxcsrl	(%eax)
	vzeroall	%eax
	tilerelease
