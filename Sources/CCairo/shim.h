#ifndef KMAP_CCAIRO_SHIM_H
#define KMAP_CCAIRO_SHIM_H
// Cairo with the surfaces kmap writes: image (PNG), SVG and PDF.
#include <cairo.h>
#include <cairo-svg.h>
#include <cairo-pdf.h>
#endif
