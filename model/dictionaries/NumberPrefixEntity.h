#pragma once

#include "EntityDescriptor.h"

namespace backoffice {

// The catalogue entry of "number-prefixes": dialled-digit prefixes (country code included) mapped
// to a country and, for mobile ranges, an MCC/MNC and network. Area "dictionaries".
EntityDescriptor numberPrefixEntity();

} // namespace backoffice
