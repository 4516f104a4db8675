enum _BuildingCausewayAnalysis {}
