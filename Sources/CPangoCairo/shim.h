#ifndef BOOKIFY_CPANGOCAIRO_SHIM_H
#define BOOKIFY_CPANGOCAIRO_SHIM_H
#include <pango/pangocairo.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <hb-ot.h>
#endif
