// Everything lives in include/CCausewayBytes.h as static inline functions; SwiftPM needs one source file.
#include "CCausewayBytes.h"
