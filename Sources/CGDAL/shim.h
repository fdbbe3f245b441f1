#ifndef KMAP_CGDAL_SHIM_H
#define KMAP_CGDAL_SHIM_H
// GDAL's C API (Debian's libgdal-dev headers), loaded at run time: GeoTIFF reading, spatial references,
// in-memory files and the DEM tools (GDALDEMProcessing, gdaldem's library form). Imported only by KMapRaster.
//
// Linking libgdal would load it, and the hundred libraries it depends on, into every kmap process: some 30 ms
// and 30 MiB at every start, for a feature few campaigns use. So the module map links nothing; the first
// campaign with a terrain raster dlopen()s libgdal and fills `KMapGDAL` with the functions kmap calls. Swift
// code calls them through that table only (a direct call would fail to link, which keeps it honest).
#include <dlfcn.h>
#include <stddef.h>
// Debian installs the headers in /usr/include/gdal/, which include each other by quoted names: found without
// pkg-config's -I (and so without its -lgdal).
#if __has_include(<gdal/gdal.h>)
#include <gdal/gdal.h>
#include <gdal/gdal_utils.h>
#include <gdal/ogr_srs_api.h>
#include <gdal/cpl_conv.h>
#include <gdal/cpl_error.h>
#include <gdal/cpl_string.h>
#include <gdal/cpl_vsi.h>
#else
#include <gdal.h>
#include <gdal_utils.h>
#include <ogr_srs_api.h>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#endif

#define KMAP_GDAL_FUNCTIONS(F) \
    F(GDALAllRegister) F(CPLPushErrorHandler) F(CPLPopErrorHandler) F(CPLQuietErrorHandler) F(CPLErrorReset) \
    F(CPLGetLastErrorMsg) F(VSIFileFromMemBuffer) F(VSIFCloseL) F(VSIUnlink) F(CSLAddString) F(CSLDestroy) \
    F(GDALOpenEx) F(GDALClose) F(GDALGetRasterXSize) F(GDALGetRasterYSize) F(GDALGetRasterCount) \
    F(GDALGetGeoTransform) F(GDALSetGeoTransform) F(GDALGetRasterBand) F(GDALRasterIO) \
    F(GDALGetRasterNoDataValue) F(GDALGetRasterDataType) F(GDALGetDataTypeName) F(GDALGetSpatialRef) \
    F(GDALGetDriverByName) F(GDALCreateCopy) F(GDALDEMProcessingOptionsNew) F(GDALDEMProcessingOptionsFree) \
    F(GDALDEMProcessing) F(OSRNewSpatialReference) F(OSRDestroySpatialReference) F(OSRSetWellKnownGeogCS) \
    F(OSRIsGeographic) F(OSRIsSameGeogCS) F(OSRGetName) F(OSRGetAuthorityName) F(OSRGetAuthorityCode)

/// The GDAL functions kmap uses, each typed as GDAL declares it.
typedef struct KMapGDAL {
#define KMAP_GDAL_FIELD(name) __typeof__(&name) name;
    KMAP_GDAL_FUNCTIONS(KMAP_GDAL_FIELD)
#undef KMAP_GDAL_FIELD
} KMapGDAL;

/// Loads libgdal and fills `table`; returns 0 when no libgdal is installed or one lacks a function.
static inline int kmap_gdal_load(KMapGDAL *table) {
    // The development link first, then the sonames of GDAL releases around the one built against.
    static const char *const names[] = {
        "libgdal.so", "libgdal.so.32", "libgdal.so.33", "libgdal.so.34", "libgdal.so.35", "libgdal.so.36",
        "libgdal.so.37", "libgdal.so.38", "libgdal.so.31", "libgdal.so.30", "libgdal.so.29", "libgdal.so.28",
        "libgdal.dylib", NULL,
    };
    void *library = NULL;
    for (size_t i = 0; names[i] != NULL && library == NULL; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return 0;
#define KMAP_GDAL_RESOLVE(name) \
    table->name = (__typeof__(&name))dlsym(library, #name); \
    if (table->name == NULL) { dlclose(library); return 0; }
    KMAP_GDAL_FUNCTIONS(KMAP_GDAL_RESOLVE)
#undef KMAP_GDAL_RESOLVE
    return 1;
}
#endif
