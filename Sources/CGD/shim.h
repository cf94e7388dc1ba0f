// libgd, the system's image library, for photo thumbnails (Debian: libgd-dev).
#ifndef FENGCHAO_CGD_SHIM_H
#define FENGCHAO_CGD_SHIM_H
#include <gd.h>
#endif
