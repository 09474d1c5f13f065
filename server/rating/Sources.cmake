# Sources of the rating area: services, scopes, rate trees, quotes.
