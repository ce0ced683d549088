/* For gcc-O0-*.s (gcc 12 -g -O0 -S, see README in this folder's header comments). */
static int scale(int x) { return x * 3; }
int sum(const int *v, int n)
{
	int s = 0;
	for (int i = 0; i < n; i++)
		s += scale(v[i]);
	return s;
}
