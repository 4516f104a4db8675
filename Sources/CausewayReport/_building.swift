enum _BuildingCausewayReport {}
