console.log("gateway test asset");
