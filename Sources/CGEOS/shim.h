#ifndef KMAP_CGEOS_SHIM_H
#define KMAP_CGEOS_SHIM_H
// GEOS's C API (Debian's libgeos-dev), used reentrantly: every call takes a context handle (the `_r` functions).
#include <geos_c.h>
#endif
