-- Databases and users of the MariaDB services (docker-compose.yml).
CREATE DATABASE IF NOT EXISTS inventory CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'inventory'@'%' IDENTIFIED BY 'inventory_dev';
GRANT ALL PRIVILEGES ON inventory.* TO 'inventory'@'%';
CREATE DATABASE IF NOT EXISTS mail CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'mail'@'%' IDENTIFIED BY 'mail_dev';
GRANT ALL PRIVILEGES ON mail.* TO 'mail'@'%';
