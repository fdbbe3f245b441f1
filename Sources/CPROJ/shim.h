#ifndef KMAP_CPROJ_SHIM_H
#define KMAP_CPROJ_SHIM_H
// PROJ's C API (Debian's libproj-dev): one context and one projection per `PROJPlane`, never the default context.
#include <proj.h>
#endif
