# Sources of the rating area: services, scopes, rate trees, quotes.
target_sources(backoffice_server_core PRIVATE
    rating/DemoServices.cpp rating/DemoServices.h
    rating/RateTreeInput.cpp rating/RateTreeInput.h
    rating/RatingRoutes.cpp rating/RatingRoutes.h
    rating/ServiceRules.cpp rating/ServiceRules.h
)
