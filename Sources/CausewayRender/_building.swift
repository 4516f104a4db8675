enum _BuildingCausewayRender {}
