#ifndef KMAP_CPANGOCAIRO_SHIM_H
#define KMAP_CPANGOCAIRO_SHIM_H
// Pango on Cairo: shaped, bidirectional text (Arabic names), which Cairo's toy text API cannot do.
#include <pango/pangocairo.h>
#endif
