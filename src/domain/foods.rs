//! The USDA SR28 food table the app ships: foods, food groups and household portions.
