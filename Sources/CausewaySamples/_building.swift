enum _BuildingCausewaySamples {}
