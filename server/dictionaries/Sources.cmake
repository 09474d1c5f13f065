# Sources of the dictionaries area (owner: dictionaries work).
