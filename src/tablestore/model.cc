// The Tablestore model is described by its tables in delivery/tablestore/model.h: the enums'
// toString and the messages' accessors come from there, the rules are in validation.cc and the
// protobuf conversion in codec.cc. This file only checks that the public header stands alone.
#include "delivery/tablestore/model.h"
