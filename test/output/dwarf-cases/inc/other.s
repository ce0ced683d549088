	cpuid
