#ifndef KMAP_CDEFLATE_SHIM_H
#define KMAP_CDEFLATE_SHIM_H
// libdeflate: one-shot zlib streams and CRC-32, for kmap's own PNG writer.
#include <libdeflate.h>
#endif
