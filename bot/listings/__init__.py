"""Available cheap housing: listings published by partners, searched by young people, alerts when one fits."""
