// Interactive documentation of /api/openapi.json with Swagger UI (from its webjar).
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
