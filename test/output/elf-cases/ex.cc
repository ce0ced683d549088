#include <stdexcept>
#include <string>
struct A { ~A(); };
int g(int);
int f(int x) { A a; try { return g(x); } catch (std::exception &e) { return -1; } catch (...) { throw; } }
std::string h(int x) { A a; if (x) throw std::runtime_error("x"); return std::to_string(x); }
template<class T> T t(T v) { A a; return g(v) + v; }
int u() { return t(3) + (int)t(4L); }
