-- Databases and users of the PostgreSQL services (docker-compose.yml). Development passwords:
-- set the *_DB_PASSWORD variables in .env for anything but a trial.
CREATE ROLE gateway LOGIN PASSWORD 'gateway_dev';
CREATE DATABASE gateway OWNER gateway;
CREATE ROLE vm LOGIN PASSWORD 'vm_dev';
CREATE DATABASE vm OWNER vm;
CREATE ROLE cert LOGIN PASSWORD 'cert_dev';
CREATE DATABASE cert OWNER cert;
CREATE ROLE project LOGIN PASSWORD 'project_dev';
CREATE DATABASE project OWNER project;
