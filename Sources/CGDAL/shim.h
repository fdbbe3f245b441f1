#ifndef KMAP_CGDAL_SHIM_H
#define KMAP_CGDAL_SHIM_H
// GDAL's C API (Debian's libgdal-dev): GeoTIFF reading, spatial references, in-memory files and the DEM tools
// (GDALDEMProcessing, gdaldem's library form). Imported only by KMapRaster.
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#endif
