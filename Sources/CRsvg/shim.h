#ifndef BOOKIFY_CRSVG_SHIM_H
#define BOOKIFY_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#endif
