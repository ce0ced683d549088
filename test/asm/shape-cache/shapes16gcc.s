# .code16gcc makes an unsuffixed call 32-bit; the same text under .code16 is a 16-bit call
# again, so a shape remembered in one must not be replayed in the other.
	.text
	.code16gcc
	call	ext1
	call	ext2
	jmp	ext3
	call	loc1
loc1:	call	ext4
	.code16
	call	ext5
	call	ext6
	call	ext7
	jmp	ext8
	jmp	ext9
	call	loc1
	call	loc2
	call	ext10
loc2:	ret
	.code16gcc
	call	ext11
	call	ext12
	call	ext13
