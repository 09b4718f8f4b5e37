#ifndef BOOKIFY_CLIBZIP_SHIM_H
#define BOOKIFY_CLIBZIP_SHIM_H
#include <zip.h>
#endif
