#ifndef BOOKIFY_CHYPHEN_SHIM_H
#define BOOKIFY_CHYPHEN_SHIM_H
#include <hyphen.h>
#endif
