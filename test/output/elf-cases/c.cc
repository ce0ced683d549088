template <typename T> struct Box { T v; T get() const { return v * 2; } };
inline int helper(int x) { static int calls; return x + ++calls; }
int user(int a) { Box<int> b{a}; Box<long> c{a}; return b.get() + (int)c.get() + helper(a); }
